/** CI=true (or any value but "false"/"0"): perfgate never writes baselines or allowlists then. */
export function isCI(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const value = env.CI;
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}
