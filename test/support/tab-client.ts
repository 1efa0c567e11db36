// One call to the tab's API as a user, with the developer sign-in the test apps accept
// (no MicrosoftAppId): what every API test file needs to ask a route as someone.

export type TabAnswer<T> = {
  status: number;
  /** The body as sent (empty for 204 and 304). */
  text: string;
  /** The body read as JSON; {} when there is none. */
  json: T;
  etag: string | null;
};

export async function callTab<T = Record<string, unknown>>(
  baseUrl: string,
  who: { aadObjectId: string },
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<TabAnswer<T>> {
  const res = await fetch(`${baseUrl}/api/tab${path}`, {
    method,
    headers: {
      authorization: `Dev ${who.aadObjectId}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    text,
    json: (text ? JSON.parse(text) : {}) as T,
    etag: res.headers.get('etag'),
  };
}
