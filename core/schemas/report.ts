import { z } from 'zod';
import { lazy } from './lazy';

const month = lazy(() => z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'));

export const monthlyInput = lazy(() => z.object({ month: month() }).strict());
export const exportInput = lazy(() => z.object({ month: month() }).strict());
