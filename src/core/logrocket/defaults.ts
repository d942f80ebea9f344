/** Example origin in messages. */
export const LOGROCKET_EXAMPLE_ORIGIN = 'https://logrocket.example.com';
