import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { makeDialoguesService } from './dialogues.service';
import { makeVoiceDirectory } from './directory';
import { makeVoiceFiles } from './files';
import { makeHandlingService } from './handling.service';
import { makeVoiceOversight } from './oversight';
import type { VoiceServices } from './voice.routes';
import { makeVoiceService } from './voice.service';

/** Wires the voice services (one place, so the module registry needs one line). */
export function makeVoiceServices(deps: { db: Db; clock: Clock }): VoiceServices {
  return {
    items: makeVoiceService(deps),
    handling: makeHandlingService(deps),
    files: makeVoiceFiles(deps),
    directory: makeVoiceDirectory(deps),
    oversight: makeVoiceOversight(deps),
    dialogues: makeDialoguesService(deps),
  };
}
