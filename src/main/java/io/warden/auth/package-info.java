/** Authentication of every API request: service-account HTTP Basic, portal sign-in and the caller they yield. */
package io.warden.auth;
