import { useState } from 'preact/hooks';
import { ApiFailure, requestJson } from '../api';
import { useSession } from '../session-context';
import { OutcomeMessage, type Outcome } from './outcome-message';
import type { WechatOutcome, WechatSettings } from './session-types';

/** 微信公众号: whether publishing to WeChat is configured, the column's address, and the custom menu set from here. */
export function WechatSection(props: { settings: WechatSettings }) {
  const { csrfToken } = useSession();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const { settings } = props;

  const setMenu = async () => {
    setBusy(true);
    try {
      const result = await requestJson<WechatOutcome>('/api/admin/wechat/menu', { method: 'POST', csrfToken });
      setOutcome({ ok: result.ok, message: result.ok ? result.message : `设置菜单没有成功。${result.message}` });
    } catch (error) {
      setOutcome({ ok: false, message: error instanceof ApiFailure ? error.message : '设置菜单没有成功，请稍后再试。' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="desk-section" aria-labelledby="wechat-heading">
      <h2 id="wechat-heading">微信公众号</h2>
      {settings.configured ? (
        <p>
          已配置公众号。已发布的预告可以“推送到微信”：群发给全部关注者，消息附场次页面的链接
          {settings.publicBaseUrl ? `（${settings.publicBaseUrl}/previews/…）` : ''}。
        </p>
      ) : (
        <p class="notice">没有配置微信公众号（WECHAT_APP_ID、WECHAT_APP_SECRET），暂时只能发布到网页栏目。</p>
      )}
      {settings.configured && !settings.publicBaseUrl && (
        <p class="notice">没有设置 PUBLIC_BASE_URL（栏目的公网地址），推送的消息无法附上链接，所以不会推送。</p>
      )}
      <h3>公众号菜单</h3>
      <ul class="menu-entries">
        {settings.menu.map((entry) => (
          <li key={entry.key}>{entry.name}</li>
        ))}
      </ul>
      <button type="button" onClick={setMenu} disabled={busy || !settings.configured}>
        设置公众号菜单
      </button>
      <OutcomeMessage outcome={outcome} />
    </section>
  );
}
