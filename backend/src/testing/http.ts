/**
 * Small fetch helpers for tests against a listening server. They ask for English messages
 * (Accept-Language: en), the language the assertions are written in, unless the caller sends its own
 * Accept-Language; tests of the Italian default send theirs.
 */
export function englishUnlessAsked(init?: RequestInit): RequestInit {
  const headers = new Headers(init?.headers);
  if (!headers.has('accept-language')) headers.set('accept-language', 'en');
  return { ...init, headers };
}

export async function getJson<T = any>(url: string, init?: RequestInit): Promise<{ status: number; body: T; headers: Headers }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const response = await fetch(url, englishUnlessAsked(init));
  return { status: response.status, body: (await response.json()) as T, headers: response.headers };
}
