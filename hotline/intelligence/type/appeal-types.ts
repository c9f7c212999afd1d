/** The column's appeal types (ningde/taxonomy.json → types), in the column's order. */
export const appealTypes = ['咨询', '投诉', '求助', '建议', '紧急件'] as const;

export type AppealType = (typeof appealTypes)[number];

export const isAppealType = (value: unknown): value is AppealType => appealTypes.includes(value as AppealType);
