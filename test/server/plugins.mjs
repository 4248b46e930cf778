// Dev-server plugins that give browser tests real HTTP endpoints on the test runner's own
// 127.0.0.1 server (feeds with ETags, failures, slow responses). Each module adds its own.
import { speakerQuoteHold } from './speaker-quote-hold.mjs';
import { feedEndpoints } from './feed-endpoints.mjs';
import { counterHold } from './counter-hold.mjs';
import { sessionCardHold } from './session-card-hold.mjs';

export const testServerPlugins = [speakerQuoteHold, counterHold, feedEndpoints, sessionCardHold];
