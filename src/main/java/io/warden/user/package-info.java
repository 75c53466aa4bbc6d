/** Portal users (humans), their organization roles and their sign-in through the container. */
package io.warden.user;
