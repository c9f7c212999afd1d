import { z } from 'zod';

/** The unit and period filters several tools take, described once for the model. */
export const unitAndPeriodFields = {
  unitId: z.string().optional().describe('单位编号，例如 zjj（住建局）、xpx（霞浦县）'),
  from: z.string().optional().describe('开始时间（ISO 8601）'),
  to: z.string().optional().describe('结束时间（ISO 8601，不含）'),
};
