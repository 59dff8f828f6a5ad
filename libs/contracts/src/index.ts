export * from './http/registration.dto';
