import { byId, callAdmin, h, refusalText, shortTime, showStatus } from './client/dom.js';
import { startControls } from './client/controls.js';
import { faultRuleMapping, startFaultsPanel } from './client/faults.js';
import { startInspector, startLogin } from './client/main.js';
import { startRequestLog } from './client/requestLog.js';
import { renderDetails, revealButton, secretKey, startSecretsPanel } from './client/secrets.js';

/**
 * One browser script from client functions: their source text (as compiled, so tsc checked it) in a
 * function scope, then a call of `entry`. Served from a route, so the page's CSP needs no inline script.
 */
function bundle(entry: () => void, functions: ReadonlyArray<(...args: never[]) => unknown>): string {
  return `'use strict';\n(() => {\n${functions.map((fn) => fn.toString()).join('\n\n')}\n\n${entry.name}();\n})();\n`;
}

const HELPERS = [h, byId, callAdmin, shortTime, showStatus, refusalText];

/** The inspector page's script (`GET /_emulator/ui/inspector.js`): no data, only code. */
export const INSPECTOR_SCRIPT = bundle(startInspector, [
  ...HELPERS,
  secretKey,
  renderDetails,
  revealButton,
  startSecretsPanel,
  startRequestLog,
  startControls,
  faultRuleMapping,
  startFaultsPanel,
  startInspector,
]);

/** The login form's script (`GET /_emulator/ui/login.js`). */
export const LOGIN_SCRIPT = bundle(startLogin, [...HELPERS, startLogin]);
