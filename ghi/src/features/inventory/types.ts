export interface Manufacturer {
  href: string;
  id: number;
  name: string;
}

export interface VehicleModel {
  href: string;
  id: number;
  name: string;
  picture_url: string;
  manufacturer: Manufacturer;
}

export interface Automobile {
  href: string;
  id: number;
  color: string;
  year: number;
  vin: string;
  model: VehicleModel;
  sold: boolean;
}
