/**
 * Demo data for trying Ombud on the embedded store: a realistic call center with people and
 * complaints in every state, and a bulk generator for benchmarks. Off unless switched on.
 */
package app.ombud.demo;
