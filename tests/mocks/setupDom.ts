import '@testing-library/jest-dom';
import { initializeIcons } from '@fluentui/react';

// Fluent warns once per missing icon; register an empty set so tests stay quiet.
initializeIcons(undefined, { disableWarnings: true });
