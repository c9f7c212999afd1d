import { widgetLocation } from './widget-location';

describe('widgetLocation', () => {
  it('takes the server from the script address, not from the page that embeds it', () => {
    expect(widgetLocation('https://xiaoning.ningde.example/webchat/xiaoning-widget.js?v=2', 'https://www.ningde.gov.cn/12345/')).toEqual({
      origin: 'https://xiaoning.ningde.example',
      stylesheet: 'https://xiaoning.ningde.example/webchat/xiaoning-widget.css',
    });
  });

  it('falls back to the page origin when the script address is unknown', () => {
    expect(widgetLocation(undefined, 'http://127.0.0.1:3000/')).toEqual({
      origin: 'http://127.0.0.1:3000',
      stylesheet: 'http://127.0.0.1:3000/webchat/xiaoning-widget.css',
    });
  });
});
