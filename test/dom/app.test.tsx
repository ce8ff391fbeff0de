import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/app';

describe('renderer (jsdom)', () => {
  it('renders the app shell', () => {
    render(<App />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('sm8sync');
  });
});
