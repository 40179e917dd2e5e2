/** Environment for every Nx/Angular call: local only, no daemon, no cloud, no analytics prompts. */
export const nxEnv = {
  ...process.env,
  NX_NO_CLOUD: 'true',
  NX_DAEMON: 'false',
  NX_TUI: 'false',
  NX_SKIP_NX_CACHE: process.env.NX_SKIP_NX_CACHE ?? 'false',
  NG_CLI_ANALYTICS: 'false',
  FORCE_COLOR: process.env.FORCE_COLOR ?? '0',
};
