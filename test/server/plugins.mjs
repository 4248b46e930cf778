// Dev-server plugins that give browser tests real HTTP endpoints on the test runner's own
// 127.0.0.1 server (feeds with ETags, failures, slow responses). Each module adds its own.
// Use a plugin's serve(context) hook (respond = false to write the socket yourself): middleware
// added in serverStart({ app }) comes too late, the server's middleware list is already fixed.
import { speakerQuoteHold } from './speaker-quote-hold.mjs';
import { feedEndpoints } from './feed-endpoints.mjs';
import { counterHold } from './counter-hold.mjs';
import { sessionCardHold } from './session-card-hold.mjs';

export const testServerPlugins = [speakerQuoteHold, counterHold, feedEndpoints, sessionCardHold];
