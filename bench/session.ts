// Signs in as the demo admin once, before the load starts (sign-in itself is rate limited).
export type BenchSession = { adminToken: string };

export async function signInAsDemoAdmin(url: string): Promise<BenchSession> {
  const signIn = await fetch(`${url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email: 'admin@arete.local', password: 'arete-demo-2026' }),
  });
  if (!signIn.ok) throw new Error(`demo admin sign-in failed: ${signIn.status}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');
  const token = await fetch(`${url}/api/auth/token`, { headers: { cookie } });
  if (!token.ok) throw new Error(`token failed: ${token.status}`);
  return { adminToken: ((await token.json()) as { token: string }).token };
}
