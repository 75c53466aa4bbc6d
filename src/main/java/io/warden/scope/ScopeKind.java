package io.warden.scope;

/** Whether a scope acts on data inside workspaces or on the organization itself. */
public enum ScopeKind {
    WORKSPACE,
    ORGANIZATION
}
