import { fileNotLintedCases } from './fileNotLinted';

fileNotLintedCases('PLANS000', 'PLANS.md', 'plans');
