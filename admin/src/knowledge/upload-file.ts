import { ApiFailure, networkMessage } from '../api';
import type { UploadJob } from './knowledge-types';

/**
 * Uploads one file to the ingestion queue with XMLHttpRequest, whose upload events give the progress that
 * fetch does not; resolves with the queued job, rejects with the API's Chinese message.
 */
export function uploadFile(file: File, csrfToken: string, onProgress: (fraction: number) => void): Promise<UploadJob> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/admin/knowledge/uploads');
    request.setRequestHeader('X-CSRF-Token', csrfToken);
    request.setRequestHeader('Accept', 'application/json');
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const body = request.response as { items?: UploadJob[]; error?: { code: string; message: string } } | null;
      if (request.status === 202 && body?.items?.[0]) return resolve(body.items[0]);
      if (request.status === 401) window.location.assign(`/admin/login?next=${encodeURIComponent(window.location.pathname)}&expired=1`);
      reject(new ApiFailure(request.status, body?.error?.code ?? 'UNAVAILABLE', body?.error?.message ?? '上传没有成功，请稍后再试。'));
    };
    // A refused large file closes the connection while it is still being sent: the browser reports an error.
    request.onerror = () => reject(new ApiFailure(0, 'NETWORK', `${networkMessage}（若文件很大，可能超过了上传大小限制。）`));
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
}
