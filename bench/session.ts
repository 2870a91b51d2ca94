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

/** Fills the registry through the import endpoint, as an admin would, without sending mail. */
export async function seedRegistry(
  url: string,
  session: BenchSession,
  size: number,
): Promise<void> {
  const users = Array.from({ length: size }, (_, index) => ({
    email: `seed.${index}@example.com`,
    role: index % 2 === 0 ? 'coach' : 'client',
  }));
  const response = await fetch(`${url}/api/v1/admin/approved-users/bulk?notify=false`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${session.adminToken}` },
    body: JSON.stringify({ users }),
  });
  if (!response.ok)
    throw new Error(`seeding the registry failed: ${response.status} ${await response.text()}`);
}
