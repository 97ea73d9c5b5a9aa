import { z } from 'zod';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

export const monthlyInput = z.object({ month }).strict();
export const exportInput = z.object({ month }).strict();
