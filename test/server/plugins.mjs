// Dev-server plugins that give browser tests real HTTP endpoints on the test runner's own
// 127.0.0.1 server (feeds with ETags, failures, slow responses, held responses).
// Use a plugin's serve(context) hook (respond = false to write the socket yourself): middleware
// added in serverStart({ app }) comes too late, the server's middleware list is already fixed.
import { feedEndpoints } from './feed-endpoints.mjs';
import { holdEndpoints } from './hold.mjs';

export const testServerPlugins = [feedEndpoints, holdEndpoints];
