// The key that signs 行政行为码, held by the server and never by the database: whoever can read or
// write the database alone cannot make a code that verifies. KEDU_CODE_KEY (several app servers share
// one) or a file in the key folder, like Kedu's other keys (src/keys/keys.ts). Back it up apart from
// the database: without it no issued code verifies.
import { loadKey } from '../keys/keys.ts';

export const codeKey = (): Buffer => loadKey('actionCode');
