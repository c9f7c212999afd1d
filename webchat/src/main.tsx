import { render } from 'preact';
import { io } from 'socket.io-client';
import { askRequestsOf } from './ask-requests';
import { ChatWidget } from './components/chat-widget';
import { rememberedValue } from './remembered-value';
import { widgetLocation } from './widget-location';
import './widget.css';

// Only readable while this script first runs; afterwards it is null.
const widget = widgetLocation((document.currentScript as HTMLScriptElement | null)?.src, document.baseURI);
const hostId = 'xiaoning-widget';

/**
 * Renders into a shadow root so the host page's styles and ours cannot touch each other. The stylesheet is
 * a file beside this script (no inline styles needed), shown only once loaded to avoid a flash of
 * unstyled buttons.
 */
function mount(): void {
  if (document.getElementById(hostId)) return;
  const host = document.createElement('div');
  host.id = hostId;
  const shadow = host.attachShadow({ mode: 'open' });
  const stylesheet = document.createElement('link');
  stylesheet.rel = 'stylesheet';
  stylesheet.href = widget.stylesheet;
  const container = document.createElement('div');
  container.hidden = true;
  const show = () => (container.hidden = false);
  stylesheet.addEventListener('load', show);
  stylesheet.addEventListener('error', show);
  shadow.append(stylesheet, container);
  document.body.append(host);
  render(
    <ChatWidget
      origin={widget.origin}
      conversation={rememberedValue('xiaoning.conversationId')}
      largeTextPreference={rememberedValue('xiaoning.largeText')}
      createSocket={io}
      askRequests={askRequestsOf(window)}
    />,
    container,
  );
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
else mount();
