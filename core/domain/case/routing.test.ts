import { CASE_KINDS } from '../../schemas/common';
import { CATEGORIES, departmentFor, responsibleFor } from './routing';

describe('routing', () => {
  it('[R-INT-5] repairs and paid services go to maintenance, 售后 to the developer liaison, whatever the category', () => {
    expect(departmentFor('repair', 'cleaning')).toBe('maintenance');
    expect(departmentFor('service', null)).toBe('maintenance');
    expect(departmentFor('warranty', 'security')).toBe('developer_liaison');
  });

  it('[R-INT-5] other kinds follow their category to a department, else customer service', () => {
    expect(departmentFor('complaint', 'noise')).toBe('security');
    expect(departmentFor('help', 'cleaning')).toBe('cleaning');
    expect(departmentFor('suggestion', 'greening')).toBe('greening');
    expect(departmentFor('consultation', null)).toBe('customer_service');
    expect(departmentFor('consultation', 'not-a-category')).toBe('customer_service');
  });

  it('[R-INT-5] every kind × category has a department and a responsible person', () => {
    const map = { customer_service: 'frontdesk', maintenance: 'dispatcher' };
    for (const kind of CASE_KINDS) {
      for (const cat of [null, ...Object.keys(CATEGORIES)]) {
        const dep = departmentFor(kind, cat);
        expect(dep).toBeTruthy();
        expect(responsibleFor(map, dep)).toMatch(/^(frontdesk|dispatcher)$/);
      }
    }
    expect(responsibleFor(map, 'maintenance')).toBe('dispatcher');
    expect(responsibleFor(map, 'security')).toBe('frontdesk');
  });
});
