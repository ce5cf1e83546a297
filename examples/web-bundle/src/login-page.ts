/** The login page: one route chunk, no dependencies. */
export function renderLogin(error?: string): string {
  return `<form method="post" action="/login">${error ? `<p class="error">${error}</p>` : ''}<input name="email" type="email"><input name="password" type="password"><button>Sign in</button></form>`;
}
