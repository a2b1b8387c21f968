/** Engine errors carry a code so that the UI and CLI can show a translated message. */
export type EngineErrorCode = 'KB_INVALID' | 'KB_REFERENCE' | 'TREE_CYCLE' | 'INPUT_TOO_LARGE' | 'INPUT_BINARY' | 'UNKNOWN_ENTRY' | 'UNKNOWN_PRODUCT';

export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly details: readonly string[];
  constructor(code: EngineErrorCode, message: string, details: readonly string[] = []) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
    this.details = details;
  }
}
