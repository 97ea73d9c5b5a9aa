import { durationMs } from './duration';
import { parseCommunitySettings } from './settings';
import { durationText, settingsAsInput } from './settingsText';

describe('settings written back as configuration', () => {
  it('durationText is the inverse of durationMs', () => {
    for (const t of ['PT15M', 'PT24H', 'P2D', 'PT36H', 'P7D', 'PT1H30M', 'P3DT4H5M', 'P2DT1H']) expect(durationText(durationMs(t))).toBe(t);
    expect(() => durationText(1500)).toThrow(RangeError);
  });
  it('[R-REP-3][R-CMP-2] a parsed value written back parses to the same settings (the rule book defaults made explicit)', () => {
    const parsed = parseCommunitySettings({ responsible: { customer_service: 'frontdesk' }, sla: { emergencyArrival: 'PT10M' } });
    if (!parsed.ok) throw new Error('settings did not parse');
    const back = settingsAsInput(parsed.data);
    expect(back.sla).toMatchObject({ emergencyArrival: 'PT10M', repairResponse: 'PT24H', complaintResolution: { major: 'P10D', serious: 'P3D', minor: 'P2D' }, supervisorAfter: 'P2D', managerAfter: 'P7D' });
    expect(parseCommunitySettings(back)).toEqual(parsed);
  });
});
