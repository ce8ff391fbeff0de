import type { Command } from '../command';
import { demoCommand } from './demo';
import { serveCommand } from './serve';

/** Every subcommand, in the order `sm8sync --help` lists them. */
export const COMMANDS: Command[] = [demoCommand, serveCommand];
