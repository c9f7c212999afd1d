import type { ToolContext } from './tool-context';

/** What a citizen reads when asking for a tool meant for the people taking calls. */
export const officialsOnlyReply = '这项功能只对接线工作人员开放。您可以问我政策问题、往期诉求、接线预告或征集投票。';

/** The officials' tools serve those whose login session says official or admin (never what a message claims). */
export const isStaff = (context: ToolContext) => context.role === 'official' || context.role === 'admin';
