import { useState } from 'preact/hooks';

/** Puts text on the clipboard; where the clipboard API is refused (plain HTTP, old browsers), a selected text area. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}

/** 复制: a plain-text brief of the analysis, to paste into the work order. */
export function CopyButton(props: { text: string }) {
  const [outcome, setOutcome] = useState<string>('');
  return (
    <div class="copy">
      <button
        type="button"
        onClick={async () =>
          setOutcome((await copyText(props.text)) ? '已复制分析摘要，可以粘贴到工单里。' : '复制没有成功，请手动选择文字复制。')
        }
      >
        复制
      </button>
      <p class="copy-outcome" role="status">
        {outcome}
      </p>
    </div>
  );
}
