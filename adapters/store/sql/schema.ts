/** Table shapes as Kysely sees them. Times are integer ms since the epoch; JSON is stored as text. */
export interface DB {
  communities: { id: string; name: string; time_zone: string; config_json: string };
  households: {
    id: string;
    community_id: string;
    building: string;
    unit: string;
    room: string;
    area_m2x100: number;
    owner_name: string;
    owner_phone: string;
  };
  users: { id: string; openid: string; name: string; phone: string | null; created_at: number };
  staff: { user_id: string; community_id: string; role: string; on_duty: number };
  bindings: {
    id: string;
    user_id: string;
    household_id: string;
    community_id: string;
    name: string;
    phone: string;
    relation: string;
    status: string;
    phone_check: string;
    created_at: number;
    decided_at: number | null;
    decided_by: string | null;
    reason: string | null;
  };
  cases: {
    id: string;
    community_id: string;
    household_id: string;
    kind: string;
    category: string | null;
    status: string;
    department: string;
    owner: string;
    emergency: number;
    created_at: number;
    updated_at: number;
    next_due_at: number | null;
    urgent_at: number | null;
    technician: string | null;
    breached: number;
    version: number;
    state_json: string;
    /** Why the SLA sweep last failed on this case (stage and error, no personal data); null when it did not. */
    sweep_error: string | null;
    /** 工单编号 (state.number), unique per community. */
    number: string | null;
    /** A complaint's staff member complained about (state.complaint.aboutStaff): never listed to them. */
    about_staff: string | null;
  };
  /** The last case sequence taken per community, number prefix and Shanghai day (YYYYMMDD). */
  case_numbers: { community_id: string; prefix: string; day: string; last: number };
  case_events: { case_id: string; seq: number; type: string; at: number; by_user: string; data_json: string };
  case_files: { file_id: string; case_id: string; household_id: string };
  outbox: {
    id: string;
    channel: string;
    to_user: string;
    template: string;
    data_json: string;
    created_at: number;
    status: string;
    attempts: number;
    next_attempt_at: number;
    delivered_at: number | null;
    last_error: string | null;
  };
  pushes: {
    id: string;
    outbox_id: string;
    channel: string;
    target: string;
    template: string;
    data_json: string;
    created_at: number;
    status: string;
    attempts: number;
    next_attempt_at: number;
    send_key: string | null;
    claimed_at: number | null;
    sent_at: number | null;
    last_error: string | null;
  };
  subscribe_grants: { id: string; user_id: string; template_key: string; request_id: string; granted_at: number; push_id: string | null };
  messages: {
    id: string;
    user_id: string;
    title: string;
    body: string;
    case_id: string | null;
    created_at: number;
    read_at: number | null;
    source_id: string;
  };
  files: { id: string; owner_id: string; mime: string; size: number; created_at: number; cloud_id: string | null };
  idempotency: { key: string; body_hash: string; result_json: string; created_at: number };
  // Community setup (0016_community_setup): staff invitations and former staff, the duty rota, settings versions, fee standards.
  staff_invites: {
    id: string;
    phone: string;
    name: string;
    roles_json: string;
    community_ids_json: string;
    status: string;
    created_by: string;
    created_at: number;
    expires_at: number;
    accepted_by: string | null;
    decided_at: number | null;
  };
  staff_former: { id: string; user_id: string; community_id: string; roles_json: string; deactivated_at: number; deactivated_by: string };
  duty_rota: { community_id: string; day: string; shift: string; user_id: string };
  setting_versions: { id: string; community_id: string; effective_at: number; settings_json: string; saved_by: string; saved_at: number; applied: number };
  bills: { id: string; community_id: string; household_id: string; period: string; source: string; lines_json: string; total_fen: number; status: string; order_no: string | null; receipt_number: string | null; created_at: number; paid_at: number | null };
  pay_orders: {
    out_trade_no: string;
    community_id: string;
    household_id: string;
    payer_user_id: string;
    payer_openid: string;
    bill_ids_json: string;
    total_fen: number;
    description: string;
    status: string;
    created_at: number;
    expires_at: number;
    paid_at: number | null;
    transaction_id: string | null;
    receipt_number: string | null;
    checked_at: number | null;
  };
  payments: { transaction_id: string; out_trade_no: string; community_id: string; total_fen: number; paid_at: number; via: string; recorded_at: number };
  receipt_counters: { community_id: string; year: number; last: number };
  receipts: {
    number: string;
    community_id: string;
    year: number;
    seq: number;
    household_id: string;
    out_trade_no: string;
    items_json: string;
    total_fen: number;
    paid_at: number;
    payer_user_id: string;
    payer_name: string;
    code: string;
    status: string;
    void_reason: string | null;
    voided_by: string | null;
    voided_at: number | null;
    created_at: number;
  };
  refunds: {
    out_refund_no: string;
    community_id: string;
    household_id: string;
    out_trade_no: string;
    source: string;
    source_id: string;
    amount_fen: number;
    reason: string;
    status: string;
    requested_by: string;
    created_at: number;
    refund_id: string | null;
    succeeded_at: number | null;
    checked_at: number | null;
  };
  // Renovation applications (0024_renovations): the projection and the event log (R-REN-11).
  renovations: { id: string; community_id: string; household_id: string; status: string; version: number; next_due_at: number | null; state_json: string; created_at: number; updated_at: number };
  renovation_files: { file_id: string; renovation_id: string };
  renovation_events: { renovation_id: string; seq: number; type: string; at: number; by_user: string; data_json: string };
  fee_standards: { id: string; community_id: string; item: string; basis: string; price_fen: number; effective_from: string; saved_by: string; saved_at: number };
}
