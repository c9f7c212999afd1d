export { createTools } from './create-tools';
export { toolContextSchema, type PolicySource, type ToolContext, type ToolDependencies } from './tool-context';
export { type ColumnPage, type PolicyAnswerComposer, type RenderTurn, type ToolRunner, type ToolUnit, type TurnSlots } from './tool-unit';
export { toolUnitNamed, toolUnits } from './tool-units';
