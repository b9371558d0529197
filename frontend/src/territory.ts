/** The territory this installation plans for; the one place to change it. */
export const PROVINCIA = { code: '018', name: 'Provincia di Pavia' } as const;
