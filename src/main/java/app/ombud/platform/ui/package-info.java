/**
 * The portal shell every module's views use: main layout, login, errors, shared UI helpers.
 */
@org.springframework.modulith.NamedInterface("ui")
package app.ombud.platform.ui;
