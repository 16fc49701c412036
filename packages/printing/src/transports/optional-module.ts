import { PrinterUnavailableError, errorMessage } from '../errors';

export function requireModule(name: string): unknown {
  // Native printer drivers are optional: only kiosks wired to a serial or USB printer install them.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(name);
}

export function loadOptionalModule(name: string, purpose: string, load: (name: string) => unknown = requireModule): unknown {
  try {
    return load(name);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException | undefined)?.code === 'MODULE_NOT_FOUND';
    throw new PrinterUnavailableError(
      'offline',
      missing
        ? `${purpose} needs the optional module "${name}", which is not installed (npm install ${name})`
        : `${purpose} needs the module "${name}", which failed to load: ${errorMessage(error)}`,
    );
  }
}
