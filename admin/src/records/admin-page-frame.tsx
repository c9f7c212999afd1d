import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { ConsoleHeader } from '../desk/console-header';
import { useSession } from '../session-context';
import './records.css';

/** An admin panel page: the banner, the menu, the heading; anyone but an administrator is told it is not theirs. */
export function AdminPageFrame(props: { heading: string; children: ComponentChildren }) {
  const { user } = useSession();
  useEffect(() => {
    document.title = `${props.heading} · 宁德12345领导接线工作台`;
  }, [props.heading]);
  return (
    <>
      <ConsoleHeader />
      <main id="main" class="page" tabIndex={-1}>
        <h1>{props.heading}</h1>
        {user.role === 'admin' ? (
          props.children
        ) : (
          <p class="problem" role="alert">
            此页面仅管理员可以使用。<a href="/admin/desk">回到接线台</a>
          </p>
        )}
      </main>
    </>
  );
}

/** A failure or a success said in words, read out by screen readers when it appears. */
export function Outcome(props: { problem?: string | null | undefined; done?: string | null | undefined }) {
  return (
    <>
      {props.problem && (
        <p class="problem" role="alert">
          {props.problem}
        </p>
      )}
      {props.done && (
        <p class="done" role="status">
          {props.done}
        </p>
      )}
    </>
  );
}

export const messageOf = (error: unknown) => (error instanceof Error ? error.message : '操作没有成功，请稍后再试。');
