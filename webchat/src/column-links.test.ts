import { leaveMessageHref, linkLeaveMessage, sourcePageHref } from './column-links';

describe('links from the widget to the column', () => {
  it('finds the ways Xiaoning mentions leaving a message on the column', () => {
    expect(linkLeaveMessage('建议拨打12345热线咨询，或在本栏目提交诉求，由相关部门答复。')).toEqual([
      { kind: 'text', text: '建议拨打12345热线咨询，或' },
      { kind: 'leave-message', text: '在本栏目提交诉求' },
      { kind: 'text', text: '，由相关部门答复。' },
    ]);
    expect(linkLeaveMessage('也可以在栏目网页或微信公众号留言。')[1]).toEqual({
      kind: 'leave-message',
      text: '在栏目网页或微信公众号留言',
    });
    expect(linkLeaveMessage('在本栏目留言')).toEqual([{ kind: 'leave-message', text: '在本栏目留言' }]);
    expect(linkLeaveMessage('住房公积金可以提取。')).toEqual([{ kind: 'text', text: '住房公积金可以提取。' }]);
  });

  it('addresses the form and a source’s article on the column', () => {
    expect(leaveMessageHref('https://12345.ningde.example/column')).toBe('https://12345.ningde.example/column/#leave-message');
    const href = new URL(
      sourcePageHref('https://c.example', {
        source: 'laws/物业管理条例(2018-03-19).md',
        title: '物业管理条例',
        headingPath: ['物业管理条例', '第二章 业主及业主大会', '第十一条'],
      }),
    );
    expect([href.origin, href.pathname, href.searchParams.get('source'), href.searchParams.get('article')]).toEqual([
      'https://c.example',
      '/policies',
      'laws/物业管理条例(2018-03-19).md',
      '第十一条',
    ]);
    expect(sourcePageHref('', { source: 'ncp/a.txt', title: '通知', headingPath: ['通知'] })).toBe('/policies?source=ncp%2Fa.txt');
  });
});
