import { CASE_KINDS } from '../../schemas/common';
import { CATEGORIES, departmentFor, responsibleFor, type CategoryCode } from './routing';

/**
 * R-INT-5, written out by hand: where each category of a non-work case goes. The table is the
 * expectation, not a copy of `CATEGORIES`; a category added or rerouted in code must be added here.
 */
const BY_CATEGORY: Record<CategoryCode, string> = {
  fee: 'customer_service', // 物业费用 → 客服
  parking: 'security', // 停车管理 → 秩序维护
  security: 'security', // 秩序安全 → 秩序维护
  cleaning: 'cleaning', // 环境卫生 → 保洁
  greening: 'greening', // 绿化养护 → 绿化
  facility: 'maintenance', // 公共设施 → 工程维修
  renovation: 'customer_service', // 装修相关 → 客服
  service: 'customer_service', // 服务态度 → 客服
  noise: 'security', // 噪音扰民 → 秩序维护
  pets: 'security', // 宠物管理 → 秩序维护
  other: 'customer_service', // 其他 → 客服
};

/** Work kinds go by kind whatever the category; the others by category, else to customer service. */
const BY_KIND: Record<string, string | 'by-category'> = {
  repair: 'maintenance',
  service: 'maintenance',
  warranty: 'developer_liaison',
  complaint: 'by-category',
  consultation: 'by-category',
  suggestion: 'by-category',
  praise: 'by-category',
  help: 'by-category',
  other: 'by-category',
};

describe('routing', () => {
  it('[R-INT-5] the table covers exactly the kinds and categories the product has', () => {
    expect(Object.keys(BY_KIND).sort()).toEqual([...CASE_KINDS].sort());
    expect(Object.keys(BY_CATEGORY).sort()).toEqual(Object.keys(CATEGORIES).sort());
  });

  it('[R-INT-5] every kind × category (and none, and an unknown one) goes to the department the table says', () => {
    const wrong: string[] = [];
    for (const kind of CASE_KINDS) {
      for (const category of [null, 'not-a-category', ...(Object.keys(BY_CATEGORY) as CategoryCode[])]) {
        const byKind = BY_KIND[kind];
        const want = byKind !== 'by-category' ? byKind : category && category in BY_CATEGORY ? BY_CATEGORY[category as CategoryCode] : 'customer_service';
        const got = departmentFor(kind, category);
        if (got !== want) wrong.push(`${kind} × ${category}: ${got}, want ${want}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('[R-INT-5] spot checks: repairs and paid services to maintenance, 售后 to the liaison, a noise complaint to security', () => {
    expect(departmentFor('repair', 'cleaning')).toBe('maintenance');
    expect(departmentFor('service', null)).toBe('maintenance');
    expect(departmentFor('warranty', 'security')).toBe('developer_liaison');
    expect(departmentFor('complaint', 'noise')).toBe('security');
    expect(departmentFor('help', 'cleaning')).toBe('cleaning');
    expect(departmentFor('consultation', 'not-a-category')).toBe('customer_service');
  });

  it('[R-INT-5][R-ESC-1] the responsible person is the department’s, else the front desk who handles or forwards', () => {
    const map = { customer_service: 'frontdesk', maintenance: 'dispatcher', security: 'guard-lead' };
    expect(responsibleFor(map, 'maintenance')).toBe('dispatcher');
    expect(responsibleFor(map, 'security')).toBe('guard-lead');
    expect(responsibleFor(map, 'customer_service')).toBe('frontdesk');
    expect(responsibleFor(map, 'greening')).toBe('frontdesk');
    expect(responsibleFor(map, 'developer_liaison')).toBe('frontdesk');
  });
});
