import { CustomerPage } from './CustomerPage';
import { CustomerSearch } from './CustomerSearch';
import './customers.css';

/** `#/customers`: find a customer; `#/customers/<id>`: their profile and every journey they went through. */
export const CustomersScreen = ({ customerId }: { customerId: string | null }) =>
  customerId ? <CustomerPage key={customerId} customerId={customerId} /> : <CustomerSearch />;
