/** Server settings read through MicroProfile Config. */
package io.warden.platform.config;
