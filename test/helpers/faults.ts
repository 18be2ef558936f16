/** Calls to the fault admin API (README "Fault injection"), for the fault suites. */

/** A JSON admin call; answers the status and the parsed body. */
export async function adminJson(url: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any }> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

/** Adds a rule and answers it as the server lists it; fails the test if it is refused. */
export async function addFault(url: string, rule: Record<string, unknown>): Promise<Record<string, any>> {
  const { status, json } = await adminJson(url, 'POST', '/_emulator/faults', rule);
  if (status !== 201) throw new Error(`fault rule refused: ${status} ${JSON.stringify(json)}`);
  return json;
}

/** The server's rules, as listed. */
export async function listFaults(url: string): Promise<Array<Record<string, any>>> {
  return (await adminJson(url, 'GET', '/_emulator/faults')).json.faults;
}

/** Removes every rule. */
export async function clearFaults(url: string): Promise<void> {
  await adminJson(url, 'DELETE', '/_emulator/faults');
}

/** The hits of one rule. */
export async function hitsOf(url: string, id: string): Promise<number | undefined> {
  return (await listFaults(url)).find((rule) => rule.id === id)?.hits;
}
