import { maskContact, submissionView } from './submission-views';

describe('submission views', () => {
  it('masks contacts: phones keep their ends, anything else its first character', () => {
    expect(maskContact('138 0000-1111')).toBe('138****1111');
    expect(maskContact('王女士')).toBe('王***');
    expect(maskContact('x')).toBe('***');
  });

  it('masks personal data in the content and keeps markup as plain text', () => {
    const view = submissionView(
      {
        id: 's1',
        previewId: null,
        unitId: 'zjj',
        voterId: 'web:v_a',
        content: '我的电话是13800001111，<b>急</b>',
        contact: '13800001111',
        status: 'pending',
        ipHash: null,
        createdAt: new Date('2026-11-20T00:00:00Z'),
        moderatedBy: null,
        moderatedAt: null,
        answeredBy: null,
        answeredAt: null,
        answerNote: null,
        rejectionReason: null,
      },
      { id: 'zjj', name: '宁德市住房和城乡建设局' },
      undefined,
    );
    expect(view.content).not.toContain('13800001111');
    expect(view.content).toContain('<b>急</b>');
    expect(view).toMatchObject({ contact: '138****1111', unit: { name: '宁德市住房和城乡建设局' }, preview: null, answer: null });
    expect(view).not.toHaveProperty('voterId');
    expect(view).not.toHaveProperty('ipHash');
  });
});
