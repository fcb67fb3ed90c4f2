/** Every input reader the command line knows; one line per file type. */
import { registerReader } from '../inputs';
import { jsonReader } from './jsonReader';
import { textReader } from './textReader';

registerReader(jsonReader);
registerReader(textReader);
