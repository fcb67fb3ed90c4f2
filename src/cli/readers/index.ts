/** Every input reader the command line knows; one line per file type. */
import { registerReader } from '../inputs';
import { jsonReader } from './jsonReader';
import { textReader } from './textReader';
import { xlsxReader } from './xlsxReader';

registerReader(jsonReader);
registerReader(xlsxReader);
registerReader(textReader);
