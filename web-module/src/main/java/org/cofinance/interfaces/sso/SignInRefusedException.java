package org.cofinance.interfaces.sso;

/** The provider's answer or token cannot be trusted (or the provider cannot be reached): nobody is signed in. */
public class SignInRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SignInRefusedException(String message, Throwable cause) {
        super(message, cause);
    }

    public SignInRefusedException(String message) {
        super(message);
    }
}
