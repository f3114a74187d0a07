#!/usr/bin/env node
// First step of `npm test`: every system package a later step needs is there before any step runs
// (installed as root with apt-get, otherwise one message saying what to install).
import { ensureSystemPackages } from './system-packages.js';

ensureSystemPackages('npm test');
