import { type Kysely, sql } from 'kysely';
import type { HouseholdRow, Tx } from '../../../core/ports/store';
import { toHousehold } from './rows';
import type { DB } from './schema';

type HouseholdTx = Pick<Tx, 'householdsOfCommunity' | 'householdsByRoom' | 'insertHouseholds' | 'updateHouseholds'>;

/** Rows per statement: 7 parameters a row stays far below SQLite's 32,766 and MySQL's 65,535 placeholders. */
const CHUNK = 500;

const values = (h: HouseholdRow) => ({
  id: h.id,
  community_id: h.communityId,
  building: h.building,
  unit: h.unit,
  room: h.room,
  area_m2x100: h.areaM2x100,
  owner_name: h.ownerName,
  owner_phone: h.ownerPhone,
});

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/** The household register (setup.importHouseholds / exportHouseholds; migration 0015). */
export function householdTx(db: Kysely<DB>, dialect: { insertIgnore: 'or ignore' | 'ignore' }): HouseholdTx {
  return {
    async householdsOfCommunity(communityId) {
      return (await db.selectFrom('households').selectAll().where('community_id', '=', communityId).execute()).map(toHousehold);
    },
    async householdsByRoom(building, unit, room, limit) {
      const rows = await db.selectFrom('households').selectAll().where('building', '=', building).where('unit', '=', unit).where('room', '=', room).limit(limit).execute();
      return rows.map(toHousehold);
    },
    async insertHouseholds(rows) {
      // Plain inserts: an id or a room that exists already is a unique violation, never an overwrite.
      for (const part of chunks(rows)) await db.insertInto('households').values(part.map(values)).execute();
    },
    async updateHouseholds(rows) {
      // Many rows per statement: an upsert on the primary key of rows known to exist (their room and
      // community do not change), setting what a register row may change.
      for (const part of chunks(rows)) {
        const q = db.insertInto('households').values(part.map(values));
        if (dialect.insertIgnore === 'ignore') {
          await q
            .onDuplicateKeyUpdate({
              area_m2x100: sql`values(area_m2x100)`,
              owner_name: sql`values(owner_name)`,
              owner_phone: sql`values(owner_phone)`,
            })
            .execute();
        } else {
          await q
            .onConflict((oc) =>
              oc.column('id').doUpdateSet({
                area_m2x100: (eb) => eb.ref('excluded.area_m2x100'),
                owner_name: (eb) => eb.ref('excluded.owner_name'),
                owner_phone: (eb) => eb.ref('excluded.owner_phone'),
              }),
            )
            .execute();
        }
      }
    },
  };
}
