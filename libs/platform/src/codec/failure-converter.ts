import { DefaultFailureConverter } from '@temporalio/common';

/**
 * Failure messages and stack traces go into payloads too, so the codec encrypts them: an error
 * text can name a nominee or a reason. Loaded by path (`failureConverterPath`), because the
 * workflow sandbox builds its own copy.
 */
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
